/** The command line: one picocli command per file, errors as one line with the exit codes of DESIGN.md §5. */
package dev.glassbox.cli;
