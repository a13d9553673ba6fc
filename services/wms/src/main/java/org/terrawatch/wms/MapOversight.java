package org.terrawatch.wms;

import java.util.List;
import org.terrawatch.query.access.Reader;

/**
 * The confidentiality of maps (city rules art. 9): whose maps carry a visible watermark of who drew them and when, and
 * which maps are recorded as leaving the server. The deployment decides both; by default neither.
 */
public interface MapOversight {

    /** No watermark, no record. */
    MapOversight NONE = new MapOversight() {
        @Override
        public String watermark(Reader reader) {
            return null;
        }

        @Override
        public void drawn(Reader reader, List<String> layers, String format, int width, int height) {
        }
    };

    /** The text to mark the reader's maps with (e.g. the user's name and the time), or null for none. */
    String watermark(Reader reader);

    /** A map was drawn for the reader. */
    void drawn(Reader reader, List<String> layers, String format, int width, int height);
}
