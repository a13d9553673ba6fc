package org.terrawatch.ows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.terrawatch.ows.xml.XmlElement;

/** Qualified names resolve through the bindings a request makes, in XML and in KVP, whatever the prefix. */
class QualifiedNameTest {

    private static final String OURS = "http://terrawatch.org/terrawatch";

    @Test
    void aPrefixResolvesThroughTheBindingsInScope() {
        assertThat(QualifiedName.resolve("ns12:patches", Map.of("ns12", OURS))).isEqualTo(new QualifiedName("ns12", OURS, "patches"));
        assertThat(QualifiedName.resolve("terrawatch:patches", Map.of())).isEqualTo(new QualifiedName("terrawatch", null, "patches"));
        assertThat(QualifiedName.resolve(" patches ", Map.of("", OURS))).as("a bare name takes no default namespace")
                .isEqualTo(new QualifiedName("", null, "patches"));
        assertThat(QualifiedName.of("", "patches").namespace()).isNull();
    }

    @Test
    void kvpNamespacesBindInBothVersionsForms() {
        Kvp wfs20 = Kvp.ofSingle(Map.of("NAMESPACES", "xmlns(ns12,http://terrawatch.org/terrawatch),xmlns(gml,http://www.opengis.net/gml/3.2)"));
        assertThat(QualifiedName.bindings(wfs20)).containsEntry("ns12", OURS).containsEntry("gml", "http://www.opengis.net/gml/3.2");
        Kvp wfs11 = Kvp.ofSingle(Map.of("NAMESPACE", "xmlns(ns12=http://terrawatch.org/terrawatch)"));
        assertThat(QualifiedName.bindings(wfs11)).containsExactly(Map.entry("ns12", OURS));
        assertThat(QualifiedName.bindings(Kvp.ofSingle(Map.of("NAMESPACES", "xmlns(http://terrawatch.org/terrawatch)")))).isEmpty();
        assertThatThrownBy(() -> QualifiedName.bindings(Kvp.ofSingle(Map.of("NAMESPACES", "ns12=http://x"))))
                .isInstanceOfSatisfying(OwsException.class, e -> assertThat(e.locator()).isEqualTo("NAMESPACES"));
    }

    @Test
    void xmlElementsKeepThePrefixesInScopeWhereTheyStand() {
        XmlElement root = XmlElement.parse("<a xmlns:p=\"urn:one\"><b xmlns:q=\"urn:two\"><c xmlns:p=\"urn:three\"/></b></a>", "body");
        XmlElement b = root.children().get(0);
        XmlElement c = b.children().get(0);
        assertThat(root.prefixes()).containsExactly(Map.entry("p", "urn:one"));
        assertThat(b.prefixes()).containsEntry("p", "urn:one").containsEntry("q", "urn:two");
        assertThat(c.prefixes()).containsEntry("p", "urn:three").containsEntry("q", "urn:two");
        assertThat(QualifiedName.resolve("q:x", c.prefixes()).namespace()).isEqualTo("urn:two");
    }
}
