-- Keycloak keeps its realms in its own database beside motcua's (first start of the volume only).
CREATE DATABASE keycloak;
