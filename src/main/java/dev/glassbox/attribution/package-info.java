/** Attribution methods, one class per method, made by name in {@link dev.glassbox.attribution.AttributionMethods}. */
package dev.glassbox.attribution;
