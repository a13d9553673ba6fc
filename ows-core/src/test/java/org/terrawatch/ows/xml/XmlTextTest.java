package org.terrawatch.ows.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Text that goes into an XML answer is always legal XML 1.0 characters. */
class XmlTextTest {

    @Test
    void illegalCharactersBecomeReplacementCharactersAndTheRestIsKept() throws Exception {
        assertThat(XmlText.legal("阳泉 tab\tand line\n")).isEqualTo("阳泉 tab\tand line\n");
        assertThat(XmlText.legal("a\u0000b\u001Fc\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(XmlText.legal("lone \uD800 surrogate \uDC00 and a pair \uD83D\uDE00")).isEqualTo("lone \uFFFD surrogate \uFFFD and a pair \uD83D\uDE00");
        assertThat(XmlText.legal(null)).isNull();
        String text = "layer \u0000 not found";
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>" + XmlText.legal(text) + "</t>";
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTextContent())
                .isEqualTo("layer \uFFFD not found");
    }
}
