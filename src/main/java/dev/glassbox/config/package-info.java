/** The battery config: a YAML file read into validated records ({@link dev.glassbox.config.BatteryConfig#load}). */
package dev.glassbox.config;
