package dev.glassbox.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.GlassboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder Glassbox wrote, known by its marker file: the marker names the kind of folder, the run that wrote it (a
 * hash of what it wrote) and every file it wrote. Glassbox replaces a folder only when it is empty, or carries the
 * marker of the expected kind and holds nothing else than what the marker lists; it never guesses from what a
 * folder looks like (a {@code summary.json} in a project folder is the user's).
 */
public final class OwnedFolder {

    /** The kinds of folder Glassbox writes, each with its marker file. */
    public enum Kind {
        REPORT(".glassbox-report", "a Glassbox report"),
        SHAPES(".glassbox-shapes", "a shapes data set split");

        private final String marker;
        private final String description;

        Kind(String marker, String description) {
            this.marker = marker;
            this.description = description;
        }

        /** The marker's file name inside the folder. */
        public String marker() {
            return marker;
        }

        public String description() {
            return description;
        }
    }

    private static final String SCHEMA = "glassbox-owned/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OwnedFolder() {}

    /**
     * Writes the marker of {@code folder}: its kind, the run's id and the path of every file in it. Call it when the
     * folder is complete; marking it again lists what it holds then.
     *
     * @param run what identifies the run that wrote it (the same inputs give the same id, so that reproducible runs
     *            give identical folders); null for the first 16 hex digits of the SHA-256 of the files' paths
     */
    public static void mark(Path folder, Kind kind, String run) throws IOException {
        List<String> files = new ArrayList<>();
        for (Path p : filesIn(folder)) {
            String relative = relative(folder, p);
            if (!relative.equals(kind.marker())) {
                files.add(relative);
            }
        }
        if (run == null) {
            run = id(String.join("\n", files));
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        root.put("run", run);
        root.put("note", "Written by Glassbox. Glassbox replaces this folder on a later run only while it holds"
                + " nothing but the files listed here; anything else you put here keeps it from being replaced.");
        ArrayNode list = root.putArray("files");
        files.forEach(list::add);
        Files.writeString(folder.resolve(kind.marker()), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                + "\n");
    }

    /** A run id from what identifies the run: the first 16 hex digits of its SHA-256. */
    public static String id(String identity) {
        return HexFormat.of().formatHex(sha256().digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .substring(0, 16);
    }

    /** Whether {@code folder} carries a marker of {@code kind} (whatever else it holds). */
    public static boolean isMarked(Path folder, Kind kind) {
        return listed(folder, kind).isPresent();
    }

    /**
     * Checks that {@code folder} may be replaced by a new one of {@code kind}: it does not exist, is empty, or carries
     * that kind's marker and holds only what the marker lists.
     *
     * @param option how the user chose the folder ("--out"), for the hint
     * @throws GlassboxException usage (exit 2) naming what is in the way
     */
    public static void requireReplaceable(Path folder, Kind kind, String option) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw GlassboxException.usage(folder + " exists and is not a folder; choose another " + option);
        }
        List<Path> entries;
        try {
            entries = everythingIn(folder);
        } catch (IOException e) {
            throw GlassboxException.badInput(folder, "cannot be read to check what it holds: "
                    + DiskErrors.reason(e), e);
        }
        if (entries.isEmpty()) {
            return;
        }
        Optional<Set<String>> listed = listed(folder, kind);
        if (listed.isEmpty()) {
            Path first = entries.get(0);
            throw GlassboxException.usage(first + " is in the way: " + folder + " is not " + kind.description()
                    + " (it has no " + kind.marker() + " marker), so Glassbox will not replace it; choose another "
                    + option + ", or move the folder away");
        }
        Set<String> folders = new HashSet<>();
        for (String f : listed.get()) {
            for (int slash = f.indexOf('/'); slash > 0; slash = f.indexOf('/', slash + 1)) {
                folders.add(f.substring(0, slash));
            }
        }
        for (Path p : entries) {
            String relative = relative(folder, p);
            boolean ours = relative.equals(kind.marker())
                    || (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? folders.contains(relative)
                    : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && listed.get().contains(relative));
            if (!ours) {
                throw GlassboxException.usage(p + " is in the way: Glassbox did not write it, so it will not replace "
                        + folder + "; choose another " + option + ", or remove it");
            }
        }
    }

    /** The files the marker lists; empty when there is no readable marker of this kind. */
    private static Optional<Set<String>> listed(Path folder, Kind kind) {
        Path marker = folder.resolve(kind.marker());
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(marker.toFile());
            if (root == null || !SCHEMA.equals(root.path("schema").asText())
                    || !kind.name().equalsIgnoreCase(root.path("kind").asText()) || !root.path("files").isArray()) {
                return Optional.empty();
            }
            Set<String> files = new HashSet<>();
            root.path("files").forEach(f -> files.add(f.asText()));
            return Optional.of(files);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every regular file under {@code folder}, in path order. */
    static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted((a, b) -> relative(folder, a).compareTo(relative(folder, b))).toList();
        }
    }

    /** Every file, folder and link under {@code folder} (not itself), in path order; links are not followed. */
    private static List<Path> everythingIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder))
                    .sorted((a, b) -> relative(folder, a).compareTo(relative(folder, b))).toList();
        }
    }

    private static String relative(Path folder, Path p) {
        return folder.relativize(p).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
