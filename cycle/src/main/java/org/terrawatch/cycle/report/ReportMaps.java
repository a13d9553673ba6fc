package org.terrawatch.cycle.report;

import java.time.LocalDate;
import org.locationtech.jts.geom.Envelope;

/** The maps a report prints, drawn by the server's own WMS. */
public interface ReportMaps {

    /** Draws nothing (a report then says its maps are missing). */
    ReportMaps NONE = new ReportMaps() {
        @Override
        public byte[] overview(Envelope lonLat, int width, int height, LocalDate from, LocalDate to) {
            return null;
        }

        @Override
        public byte[] imagery(Envelope lonLat, int width, int height, LocalDate acquired) {
            return null;
        }
    };

    /** The monitoring map (boundaries, patches and alerts of the span) over the area, PNG. */
    byte[] overview(Envelope lonLat, int width, int height, LocalDate from, LocalDate to);

    /** The imagery epoch acquired on the day, true colour, with the patches' outlines over it, PNG. */
    byte[] imagery(Envelope lonLat, int width, int height, LocalDate acquired);
}
