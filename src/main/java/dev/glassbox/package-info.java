/** Glassbox: attribution and trust reports for image classifiers. */
package dev.glassbox;
