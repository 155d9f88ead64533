package dev.greenlight.rollout.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Enables the config-backed {@link ActorRoles} until the platform security layer provides roles. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfiguredActorRoles.class)
class WebConfiguration {
}
