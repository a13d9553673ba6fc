package org.terrawatch.app.conformance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;

/**
 * The one gate of the conformance set-up ({@code security.conformance-testing}, see {@code conformance/cite}): anonymous
 * callers may then write the layers whose write-roles name ANONYMOUS and see the jobs anonymous callers started, as the
 * OGC test suites need. Such a server must not be reachable from a network, nor hold anything but test data: it starts
 * only on a loopback address and on its own embedded store.
 */
public final class ConformanceTesting {

    private ConformanceTesting() {
    }

    /**
     * @param serverAddress the address the server listens on ({@code server.address}), null or blank for all of them
     * @throws IllegalStateException when the set-up could face a network or another store
     */
    public static void check(String serverAddress, SpatialStore store) {
        if (serverAddress == null || serverAddress.isBlank() || !loopback(serverAddress)) {
            throw new IllegalStateException("security.conformance-testing lets anybody write: the server must listen on a loopback address only "
                    + "(server.address: 127.0.0.1), not " + (serverAddress == null || serverAddress.isBlank() ? "every address" : serverAddress));
        }
        if (store.type() != StoreType.H2GIS) {
            throw new IllegalStateException("security.conformance-testing runs on its own embedded store only, not on " + store.describe());
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
