package org.terrawatch.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * ETags of versioned entities (patches, work orders, writable features): the version in quotes. REST and OGC API
 * Part 4 write them and read them back from If-Match.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match names ({@code "5"} or {@code W/"5"}): empty without the header or for {@code *}.
     *
     * @throws IllegalArgumentException when the tag is not one of ours (no entity can match it)
     */
    public static Optional<Long> ifMatch(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.strip().equals("*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(header.strip().replaceFirst("^W/", "").replace("\"", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("No entity has the ETag " + header, e);
        }
    }
}
