package dev.glassbox.cli;

import dev.glassbox.model.MemoryBudget;
import picocli.CommandLine.Option;

/** {@code --memory SIZE}: the memory each pass of the gradient engine may take, for commands that run one. */
final class MemoryOption {

    @Option(names = "--memory", paramLabel = "SIZE", description = {"Memory for each pass of the model, e.g. 256m or"
            + " 1g; passes over more pictures, steps or patches run in chunks that fit. Default: 1/32 of the"
            + " machine's memory, at most 512m."})
    String memory;

    MemoryBudget budget() {
        return memory == null ? MemoryBudget.defaultBudget() : MemoryBudget.parse(memory);
    }
}
