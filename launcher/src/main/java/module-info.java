/** The {@code arsenal} command: info, hash and selftest over Arsenal's public API. */
module dev.arsenal.launcher {
    requires dev.arsenal.api;
    requires java.logging;

    exports dev.arsenal.launcher;
}
