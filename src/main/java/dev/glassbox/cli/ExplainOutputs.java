package dev.glassbox.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.GlassboxException;
import dev.glassbox.files.StagedOutput;
import dev.glassbox.imaging.PngFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where {@code explain} writes, and what it refuses to write over: never the model or an INPUT (not even with
 * {@code --force}); a file it did not write (a JSON file that is not an explain result, a PNG without Glassbox's
 * signature) only with {@code --force}; never a folder where a file goes or a file where a folder goes. All of it is
 * checked before any work.
 */
final class ExplainOutputs {

    private static final String FORCE = " (or add --force to replace it)";

    private final Path model;
    private final List<Path> inputs;
    private final String method;
    private final boolean force;

    ExplainOutputs(Path model, List<Path> inputs, String method, boolean force) {
        this.model = model;
        this.inputs = List.copyOf(inputs);
        this.method = method;
        this.force = force;
    }

    /** Checks {@code --json FILE} (null: none). */
    void requireJson(Path json) {
        if (json == null) {
            return;
        }
        if (Files.isDirectory(json)) {
            throw GlassboxException.usage("--json " + json + " is a folder; --json takes the name of a file to write");
        }
        requireNotAnInput(json, "--json");
        jsonOutput(json).close();
    }

    /** Checks {@code --out DIR} (null: none) and the picture each INPUT will get there. */
    void requirePictures(Path out) {
        if (out == null) {
            return;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw GlassboxException.usage("--out " + out + " is a file; --out takes a folder to write the pictures"
                    + " in");
        }
        Map<Path, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path picture = picture(out, i);
            Integer before = seen.putIfAbsent(picture.toAbsolutePath().normalize(), i);
            if (before != null) {
                throw GlassboxException.usage("inputs " + inputs.get(before) + " and " + inputs.get(i) + " would both"
                        + " be drawn to " + picture + "; rename one, or explain them one at a time");
            }
            requireNotAnInput(picture, "--out");
        }
        if (Files.isDirectory(out)) {
            pictureOutput(out).close();
        }
    }

    /** The staged {@code --json} file. */
    StagedOutput jsonOutput(Path json) {
        return StagedOutput.begin("--json", List.of(new StagedOutput.FileTarget(json,
                accept(ExplainOutputs::isExplainJson), "an explain result (JSON)", FORCE)));
    }

    /** The staged pictures in {@code --out}, one per INPUT. */
    StagedOutput pictureOutput(Path out) {
        List<StagedOutput.FileTarget> targets = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            targets.add(new StagedOutput.FileTarget(picture(out, i), accept(PngFiles::isGlassboxPicture),
                    "a picture", FORCE));
        }
        return StagedOutput.begin("--out", targets);
    }

    /** Where the picture of INPUT {@code i} goes: {@code DIR/STEM-METHOD.png}. */
    Path picture(Path out, int i) {
        String stem = inputs.get(i).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return out.resolve(stem + "-" + method + ".png");
    }

    private Predicate<Path> accept(Predicate<Path> ours) {
        return force ? p -> true : ours;
    }

    private void requireNotAnInput(Path target, String option) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> read = new ArrayList<>(inputs);
        read.add(0, model);
        for (Path p : read) {
            if (sameFile(p, target)) {
                throw GlassboxException.usage(option + " " + target + " is " + (p == model ? "the model" : "an INPUT")
                        + " of this command; Glassbox never writes over what it reads, even with --force");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code file} is what {@code explain --json} writes: a JSON object with a method and results. */
    static boolean isExplainJson(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return root != null && root.isObject() && root.path("method").isTextual()
                    && root.path("results").isArray();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
