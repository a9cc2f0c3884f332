/**
 * The example application as a named module: it needs only Arsenal's API. The engine and the
 * providers on the module path are found through the services the API uses.
 */
module dev.arsenal.example {
    requires dev.arsenal.api;
}
