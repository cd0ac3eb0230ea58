/**
 * Every {@code ard.*} setting in one place: name, type, default, where it applies and a one-line doc
 * ({@link dev.ard.core.settings.SettingsCatalog}), the typed parsers that read a user's value
 * ({@link dev.ard.core.settings.ValueType}) and the README tables rendered from it
 * ({@link dev.ard.core.settings.SettingsTable}). The extension reads its settings through it, a test checks the
 * plugin's {@code @Parameter}s against it, and another keeps the README in step.
 */
package dev.ard.core.settings;
