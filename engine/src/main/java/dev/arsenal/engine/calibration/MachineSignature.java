package dev.arsenal.engine.calibration;

import dev.arsenal.Arsenal;
import dev.arsenal.platform.PlatformInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What measurements are valid for: the CPU (model, architecture, a digest of its feature flags,
 * the logical CPU count), the JVM (version and VM) and Arsenal's version. A change of any of them
 * makes a stored calibration stale.
 */
public final class MachineSignature {
    private MachineSignature() {}

    /** The signature of this platform, one line of text. */
    public static String of(PlatformInfo platform) {
        String features = String.join(" ", platform.cpu().featureNames());
        return "cpu=" + platform.cpu().model().replace(';', ',') + "; arch="
                + platform.cpu().arch() + "; cpus="
                + platform.cpu().logicalCpus() + "; features=" + digest(features) + "; jvm="
                + platform.jvm().version() + " " + platform.jvm().vmName() + "; arsenal=" + Arsenal.version();
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(text.hashCode());
        }
    }
}
