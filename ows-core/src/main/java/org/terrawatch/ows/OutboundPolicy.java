package org.terrawatch.ows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where the server itself may send a request (a WMS {@code SLD=} URL, and any other address a request names): only
 * to hosts on the deployment's allow-list — a name ({@code styles.example.org}), a domain ({@code *.example.org}), an
 * address or a CIDR range ({@code 10.20.0.0/16}) — over http or https. Every address a name resolves to is checked:
 * loopback, link-local (cloud metadata), private, unique-local, multicast and unspecified addresses are refused unless
 * an address entry or range names them; a name on the list does not open them. A refusal never says what is behind
 * the address.
 */
public final class OutboundPolicy {

    /** Allows nothing: the default. */
    public static final OutboundPolicy NONE = new OutboundPolicy(List.of());

    private final List<String> hosts;

    public OutboundPolicy(List<String> allowedHosts) {
        this.hosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** The address the URL names, when the server may connect to it; otherwise a refusal naming the parameter. */
    public InetAddress check(URI uri, String locator) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw OwsException.invalid(locator, locator + " is fetched over http or https only");
        }
        String given = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String host = given.startsWith("[") && given.endsWith("]") ? given.substring(1, given.length() - 1) : given;
        if (host.isEmpty() || uri.getRawUserInfo() != null) {
            throw OwsException.invalid(locator, locator + " must be a plain http(s) URL with a host");
        }
        boolean named = hosts.stream().anyMatch(h -> !isAddressEntry(h) && matchesName(h, host));
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused(locator);
        }
        for (InetAddress address : addresses) {
            boolean listedAddress = hosts.stream().filter(OutboundPolicy::isAddressEntry).anyMatch(h -> inRange(h, address));
            if (!listedAddress && (!named || internal(address))) {
                throw refused(locator);
            }
        }
        return addresses[0];
    }

    private static OwsException refused(String locator) {
        return OwsException.invalid(locator, "This server does not fetch from that address; the administrator lists the hosts it may "
                + "fetch from (terrawatch.outbound.allowed-hosts)");
    }

    private static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || uniqueLocal || carrierNat;
    }

    private static boolean matchesName(String entry, String host) {
        return entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : entry.equals(host);
    }

    private static boolean isAddressEntry(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        return address.matches("[0-9.]+") || address.contains(":");
    }

    private static boolean inRange(String entry, InetAddress address) {
        int slash = entry.indexOf('/');
        try {
            byte[] network = InetAddress.getByName(slash < 0 ? entry : entry.substring(0, slash)).getAddress();
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                return false; // not a range of this family: matches nothing
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
