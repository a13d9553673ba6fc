package org.terrawatch.monitoring.patch;

import java.time.Instant;

/** A department's on-site verification of a patch. */
public record Verification(VerificationResult result, String note, String verifiedBy, Instant verifiedAt) {

    public static final Verification NONE = new Verification(null, null, null, null);
}
