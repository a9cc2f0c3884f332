/**
 * What was decided and why ({@link dev.arsenal.report.RuntimeReport}): a {@link
 * dev.arsenal.report.Decision} per algorithm with its candidates, self-tests and tiers, a report
 * per provider, and the calibration the decisions were measured with.
 */
@Export
@Version("1.0.0")
package dev.arsenal.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
