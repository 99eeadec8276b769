package io.github.perfgate.calibration;

import io.github.perfgate.model.PerfgateException;

/** The calibration workload could not be measured; the message says why and how to turn calibration off. */
public class CalibrationException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    public CalibrationException(String message) {
        super(message);
    }

    public CalibrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
