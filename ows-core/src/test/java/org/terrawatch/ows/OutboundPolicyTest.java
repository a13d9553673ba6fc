package org.terrawatch.ows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the server may fetch from: only listed hosts, never internal addresses unless an address entry names them. */
class OutboundPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/sld.xml", "http://localhost:8080/", "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://224.0.0.1/", "http://2130706433/"})
    void nothingIsFetchedByDefaultLeastOfAllInternalAddresses(String url) {
        assertRefused(OutboundPolicy.NONE, url);
        // A name or domain on the list does not open internal addresses.
        assertRefused(new OutboundPolicy(List.of("localhost", "*.internal")), url);
    }

    @Test
    void listedAddressesAndRangesAreFetchedAndOnlyThey() {
        OutboundPolicy office = new OutboundPolicy(List.of("10.20.0.0/16", "127.0.0.1", " 192.168.1.7 "));
        assertThat(office.check(URI.create("http://10.20.3.4/style.sld"), "SLD").getHostAddress()).isEqualTo("10.20.3.4");
        assertThat(office.check(URI.create("http://127.0.0.1:8181/sld"), "SLD").isLoopbackAddress()).isTrue();
        assertThat(office.check(URI.create("https://192.168.1.7/"), "SLD")).isNotNull();
        assertRefused(office, "http://10.21.0.1/");
        assertRefused(office, "http://127.0.0.2/");
        assertRefused(new OutboundPolicy(List.of("10.0.0.0/99")), "http://10.0.0.1/");
    }

    @Test
    void onlyPlainHttpUrlsAreFetched() {
        OutboundPolicy loopback = new OutboundPolicy(List.of("127.0.0.1"));
        for (String url : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/x", "jar:http://127.0.0.1/x!/y", "http://user:pw@127.0.0.1/",
                "gopher://127.0.0.1/"}) {
            assertThatThrownBy(() -> loopback.check(URI.create(url), "SLD")).as(url).isInstanceOf(OwsException.class);
        }
    }

    @Test
    void aRefusalDoesNotSayWhatIsBehindTheAddress() {
        String unknown = message(OutboundPolicy.NONE, "http://no-such-host.invalid/");
        String internal = message(OutboundPolicy.NONE, "http://127.0.0.1:5432/");
        assertThat(unknown).isEqualTo(internal).doesNotContain("5432", "127.0.0.1", "no-such-host");
    }

    private static void assertRefused(OutboundPolicy policy, String url) {
        assertThatThrownBy(() -> policy.check(URI.create(url), "SLD")).as(url).isInstanceOfSatisfying(OwsException.class, e -> {
            assertThat(e.locator()).isEqualTo("SLD");
            assertThat(e.httpStatus()).isEqualTo(400);
        });
    }

    private static String message(OutboundPolicy policy, String url) {
        try {
            policy.check(URI.create(url), "SLD");
            throw new AssertionError(url + " was allowed");
        } catch (OwsException e) {
            return e.getMessage();
        }
    }
}
