package org.terrawatch.wms;

import org.terrawatch.ows.OwsException;

/**
 * A WMS request the service cannot answer, with the WMS exception code (LayerNotDefined, StyleNotDefined,
 * InvalidCRS / InvalidSRS, InvalidFormat, InvalidPoint, LayerNotQueryable, InvalidDimensionValue, or an OWS
 * code) and the parameter at fault.
 */
public class WmsException extends RuntimeException {

    private final String code;
    private final String locator;
    private final int httpStatus;

    public WmsException(String code, String locator, String message) {
        this(code, locator, message, 400);
    }

    public WmsException(String code, String locator, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.httpStatus = httpStatus;
    }

    /** A shared parser's refusal (CRS, filter, XML) as a WMS exception; CRS errors get WMS's own code. */
    public static WmsException of(OwsException e, String version) {
        String locator = e.locator();
        boolean crs = locator != null && (locator.equalsIgnoreCase("CRS") || locator.equalsIgnoreCase("SRS"));
        return new WmsException(crs ? (version.startsWith("1.1") ? "InvalidSRS" : "InvalidCRS") : e.code().wireName(), locator,
                e.getMessage(), e.httpStatus());
    }

    public String code() {
        return code;
    }

    public String locator() {
        return locator;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
