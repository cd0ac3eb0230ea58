package dev.ard.core.settings;

/** A value that does not parse as its setting's type; the message names the setting, the value and what is expected. */
final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String setting, String value, String expected) {
        super(setting + "='" + value + "' is not " + expected);
    }
}
