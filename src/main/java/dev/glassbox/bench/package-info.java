/** Performance harnesses behind {@code glassbox bench}; speed is measured here, never in timed tests. */
package dev.glassbox.bench;
