package dev.greenlight.registry.web;

/** Answer to a registration: the schema's global id. */
record IdResponse(int id) {
}
