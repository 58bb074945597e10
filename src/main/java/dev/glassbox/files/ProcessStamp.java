package dev.glassbox.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Which process made a staging or temporary folder: its id and start time, written into the folder, so that a later
 * run can tell a folder left by a killed run (its process is gone) from one another run is still writing.
 *
 * @param pid     the process id
 * @param started when the process started, as the system reports it; null where it does not
 */
record ProcessStamp(long pid, Instant started) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ProcessStamp current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessStamp(self.pid(), self.info().startInstant().orElse(null));
    }

    /** Whether the process that wrote the stamp still runs (a process with its id that started at the same time). */
    boolean isAlive() {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = p.get().info().startInstant();
        return started == null || start.isEmpty() || start.get().equals(started);
    }

    void write(Path file) throws IOException {
        var node = JSON.createObjectNode();
        node.put("pid", pid);
        node.put("started", started == null ? null : started.toString());
        Files.writeString(file, JSON.writeValueAsString(node) + "\n");
    }

    /** The stamp in {@code file}; empty when the file is missing or is not a stamp. */
    static Optional<ProcessStamp> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.path("pid").canConvertToLong()) {
                return Optional.empty();
            }
            String started = node.path("started").isTextual() ? node.path("started").asText() : null;
            return Optional.of(new ProcessStamp(node.path("pid").asLong(),
                    started == null ? null : Instant.parse(started)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
