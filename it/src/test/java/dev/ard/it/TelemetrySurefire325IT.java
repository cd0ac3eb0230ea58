package dev.ard.it;

/** The main scenario on the oldest Surefire ARD supports. */
class TelemetrySurefire325IT extends AbstractTelemetryIT {

    @Override
    String surefireVersion() {
        return "3.2.5";
    }
}
