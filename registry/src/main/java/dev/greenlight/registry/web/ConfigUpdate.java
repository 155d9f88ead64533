package dev.greenlight.registry.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body and answer of setting a level (Confluent names it {@code compatibility} when writing). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConfigUpdate(String compatibility) {
}
