package org.terrawatch.monitoring.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/**
 * Files of evidence, stored by content (SHA-256) under a folder of the data directory, with their records in
 * the store. The file is written to a temporary name, forced to disk and moved into place before its record
 * commits, so an accepted upload survives a crash; the same content uploaded twice is kept once.
 */
public final class AttachmentStore {

    private final SpatialStore store;
    private final Path folder;

    public AttachmentStore(SpatialStore store, Path folder) {
        this.store = Objects.requireNonNull(store, "store");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public Attachment add(String ownerKind, long ownerId, String fileName, String mediaType, InputStream content,
                          String caption, Point position, Instant takenAt, String uploadedBy, Instant now) {
        return add(ownerKind, ownerId, fileName, mediaType, write(content), caption, position, takenAt, uploadedBy, now);
    }

    /**
     * The record of a file written before (by {@link #write}), in the caller's transaction: the file is on disk and forced
     * before its record commits.
     */
    public Attachment add(String ownerKind, long ownerId, String fileName, String mediaType, StoredFile file,
                          String caption, Point position, Instant takenAt, String uploadedBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO attachment(owner_kind, owner_id, file_name, media_type, size_bytes, sha256, storage_path, caption, "
                        + "position, taken_at, uploaded_by, uploaded_at) VALUES (:kind, :owner, :name, :type, :size, :sha, :path, "
                        + ":caption, ST_GeomFromWKB(:position, 4490), :taken, :by, :now)")
                .param("kind", ownerKind).param("owner", ownerId).param("name", fileName).param("type", mediaType)
                .param("size", file.size()).param("sha", file.sha256()).param("path", file.relativePath())
                .param("caption", caption).param("position", Wkb.write(position)).param("taken", Rows.timestamp(takenAt))
                .param("by", uploadedBy).param("now", Rows.timestamp(now))
                .update(key, "id");
        return new Attachment(key.getKey().longValue(), ownerKind, ownerId, fileName, mediaType, file.size(), file.sha256(),
                file.relativePath(), caption, position, takenAt, uploadedBy, now);
    }

    public List<Attachment> of(String ownerKind, long ownerId) {
        return store.jdbc().sql("SELECT id, owner_kind, owner_id, file_name, media_type, size_bytes, sha256, storage_path, caption, "
                        + "ST_AsBinary(position) AS position, taken_at, uploaded_by, uploaded_at FROM attachment "
                        + "WHERE owner_kind = :kind AND owner_id = :owner ORDER BY id")
                .param("kind", ownerKind).param("owner", ownerId).query(AttachmentStore::map).list();
    }

    /** Where an attachment's content is on disk. */
    public Path contentOf(Attachment attachment) {
        return folder.resolve(attachment.storagePath());
    }

    /** A file in the store: where it is under the folder, its SHA-256 and its size. */
    public record StoredFile(String relativePath, String sha256, long size) {
    }

    /**
     * Writes the content under its SHA-256 and forces it to disk; the same content is kept once. A file without a record
     * (its transaction rolled back) is harmless: it is found again by its content.
     */
    public StoredFile write(InputStream content) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                size = content.transferTo(out);
            }
            return place(temporary, HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded file in " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** {@link #write(InputStream)} for content in memory whose SHA-256 (hex) the caller has computed already. */
    public StoredFile write(byte[] content, String sha256) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "upload-", ".part");
            Files.write(temporary, content);
            return place(temporary, sha256, content.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded file in " + folder, e);
        }
    }

    /** Forces the written file to disk and moves it under its content's name (or drops it when that content is kept). */
    private StoredFile place(Path temporary, String sha256, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        String relative = sha256.substring(0, 2) + "/" + sha256;
        Path target = folder.resolve(relative);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.delete(temporary);
        } else {
            move(temporary, target);
        }
        return new StoredFile(relative, sha256, size);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static Attachment map(ResultSet row, int n) throws SQLException {
        return new Attachment(row.getLong("id"), row.getString("owner_kind"), row.getLong("owner_id"), row.getString("file_name"),
                row.getString("media_type"), row.getLong("size_bytes"), row.getString("sha256"), row.getString("storage_path"),
                row.getString("caption"), Rows.geometry(row, "position"), Rows.instant(row, "taken_at"),
                row.getString("uploaded_by"), Rows.instant(row, "uploaded_at"));
    }
}
