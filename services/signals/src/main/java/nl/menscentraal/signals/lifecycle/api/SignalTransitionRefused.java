package nl.menscentraal.signals.lifecycle.api;

/** A lifecycle step the signal's status does not allow, e.g. acknowledging a resolved signal. */
public class SignalTransitionRefused extends RuntimeException {

    public SignalTransitionRefused(String message) {
        super(message);
    }
}
