/** Classification metrics: confusion matrices and per-class precision, recall, F1 and support. */
package dev.glassbox.evaluation;
