package org.terrawatch.monitoring.admin;

/** Where something lies in the admin hierarchy, down to the village where known; names as of attribution. */
public record AdminLocation(String countyCode, String countyName, String townshipCode, String townshipName,
                            String villageCode, String villageName) {

    public static final AdminLocation UNKNOWN = new AdminLocation(null, null, null, null, null, null);

    public static AdminLocation ofCounty(String code, String name) {
        return new AdminLocation(code, name, null, null, null, null);
    }
}
