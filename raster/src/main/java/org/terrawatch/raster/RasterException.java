package org.terrawatch.raster;

/** An image that cannot be opened, read or matched to another: the message names the file and what is wrong. */
public class RasterException extends RuntimeException {

    public RasterException(String message) {
        super(message);
    }

    public RasterException(String message, Throwable cause) {
        super(message, cause);
    }
}
