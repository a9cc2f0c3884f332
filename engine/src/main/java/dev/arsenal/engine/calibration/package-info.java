/**
 * Calibration: measuring the eligible providers briefly ({@link
 * dev.arsenal.engine.calibration.Calibrator}), and keeping the table per machine signature ({@link
 * dev.arsenal.engine.calibration.MachineSignature}) in a file ({@link
 * dev.arsenal.engine.calibration.CalibrationStore}) that the next start reuses.
 */
package dev.arsenal.engine.calibration;
