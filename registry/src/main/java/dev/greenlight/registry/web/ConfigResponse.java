package dev.greenlight.registry.web;

/** Answer to reading a level (Confluent names it {@code compatibilityLevel} when reading). */
record ConfigResponse(String compatibilityLevel) {
}
