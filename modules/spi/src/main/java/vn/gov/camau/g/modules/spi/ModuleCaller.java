package vn.gov.camau.g.modules.spi;

import java.util.Set;

/**
 * Who the gateway is calling a coded system for, as the verified token says.
 *
 * @param subject the person's Keycloak subject, or null for an anonymous caller
 * @param roles the platform's realm roles the caller holds
 * @param agency the caller's agency code ({@code CM.TPCM.TACVAN}), or null
 * @param accessToken the caller's access token (audience camau-gateway), or null; pass it on only
 *     to a system that accepts relayed tokens
 */
public record ModuleCaller(String subject, Set<String> roles, String agency, String accessToken) {}
