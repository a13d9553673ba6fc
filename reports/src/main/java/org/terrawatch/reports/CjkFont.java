package org.terrawatch.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The font a printed form's Chinese is set in, embedded (as a subset) in every PDF: a configured TrueType or OpenType
 * file (a collection's face after a comma, e.g. {@code NotoSansCJK-Regular.ttc,2}), else the first of Debian's CJK
 * fonts found (fonts-noto-cjk, fonts-wqy-zenhei, fonts-arphic-uming).
 */
public final class CjkFont {

    private static final List<String> KNOWN = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/arphic/uming.ttc,0");

    private CjkFont() {
    }

    /**
     * The font to use.
     *
     * @param configured a font file (with its face), or null
     * @throws IllegalStateException when there is none, saying what to install or configure
     */
    public static String locate(String configured) {
        return locate(configured, KNOWN);
    }

    /**
     * The same font for drawing (charts), from its file and face; a collection's faces are all read and the named one
     * taken.
     */
    public static java.awt.Font awt(String located, float size) {
        String file = located.contains(",") ? located.substring(0, located.lastIndexOf(',')) : located;
        int face = located.contains(",") ? Integer.parseInt(located.substring(located.lastIndexOf(',') + 1).strip()) : 0;
        try {
            java.awt.Font[] faces = java.awt.Font.createFonts(new java.io.File(file));
            return faces[Math.min(face, faces.length - 1)].deriveFont(size);
        } catch (java.awt.FontFormatException | java.io.IOException e) {
            throw new IllegalStateException("The font " + located + " cannot be read for charts: " + e.getMessage(), e);
        }
    }

    static String locate(String configured, List<String> known) {
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured.strip());
        }
        candidates.addAll(known);
        for (String candidate : candidates) {
            String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
            if (Files.isReadable(Path.of(file))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No font for Chinese text was found for printed forms: install Debian's fonts-noto-cjk "
                + "or set terrawatch.reports.font to a TrueType or OpenType file" + (configured == null ? "" : " (" + configured + " is not readable)"));
    }
}
