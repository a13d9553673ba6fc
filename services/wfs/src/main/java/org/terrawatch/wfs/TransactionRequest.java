package org.terrawatch.wfs;

import java.util.List;

/**
 * A parsed WFS Transaction (2.0.0, 1.1.0 or 1.0.0).
 *
 * @param lockId        the lock whose features the transaction may change, or null
 * @param releaseAll    releaseAction ALL (the default): release every feature of the lock afterwards; SOME
 *                      releases only the features changed and renews the rest
 */
record TransactionRequest(String version, String handle, String lockId, boolean releaseAll, List<TransactionAction> actions) {
}
