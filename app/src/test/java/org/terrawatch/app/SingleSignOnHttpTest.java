package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on: the server configured with an identity provider (here one on loopback that publishes its signing key
 * as a JWK set) accepts the provider's JWTs as bearer credentials, and nothing else that looks like one.
 */
class SingleSignOnHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ISSUER = "https://sso.yangquan.example/realms/bureau";
    private static final String HITS = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&RESULTTYPE=hits"
            + "&OUTPUTFORMAT=application/json";

    @TempDir
    static Path folder;
    static RunningServer server;
    static HttpServer provider;
    static RSAKey key;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("bureau-1").generate();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        provider.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        provider.start();
        server = RunningServer.start(RunningServer.dataDirectoryFromRepository(Files.createDirectories(folder.resolve("data"))),
                "--terrawatch.security.oidc.enabled=true", "--terrawatch.security.oidc.issuer=" + ISSUER,
                "--terrawatch.security.oidc.audience=terrawatch",
                "--terrawatch.security.oidc.jwk-set-uri=http://127.0.0.1:" + provider.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void aDirectoryUserSignedInByTheProviderIsThatUser() throws Exception {
        long gengdi = hits("Authorization", RunningServer.basic("gengdi"));
        assertThat(hits("Authorization", "Bearer " + token(key, c -> c.claim("preferred_username", "gengdi")
                // The directory decides what gengdi is; roles in the token do not widen it.
                .claim("roles", List.of("ADMIN"))))).isEqualTo(gengdi);
        assertThat(gengdi).isLessThan(hits("Authorization", RunningServer.basic("analyst")));
    }

    @Test
    void anotherUserIsWhatTheTokensClaimsSay() throws Exception {
        long all = hits("Authorization", RunningServer.basic("analyst"));
        assertThat(hits("Authorization", "Bearer " + token(key, c -> c.claim("preferred_username", "wang.analyst")
                .claim("roles", List.of("analyst", "NO_SUCH_ROLE"))))).isEqualTo(all);
        HttpResponse<String> roleless = get(token(key, c -> c.claim("preferred_username", "visitor")));
        assertThat(roleless.statusCode()).isEqualTo(403);
    }

    @Test
    void tokensThatAreNotTheProvidersAreRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("bureau-1").generate();
        List<String> refused = List.of(
                token(stranger, c -> c.claim("preferred_username", "analyst")),
                token(key, c -> c.claim("preferred_username", "analyst").issuer("https://elsewhere.example")),
                token(key, c -> c.claim("preferred_username", "analyst").audience("another-system")),
                token(key, c -> c.claim("preferred_username", "analyst").expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                token(key, c -> c.claim("preferred_username", "bad name with spaces").claim("roles", List.of("ANALYST"))),
                "not-a-jwt", "tw_nokey_wrong");
        for (String token : refused) {
            HttpResponse<String> answer = get(token);
            assertThat(answer.statusCode()).as(token).isEqualTo(401);
            assertThat(answer.body()).contains("ExceptionReport");
        }
    }

    @Test
    void aDisabledUserIsRefusedAtOnce() throws Exception {
        String token = token(key, c -> c.claim("preferred_username", "field"));
        assertThat(get(token).statusCode()).isEqualTo(200);
        HttpResponse<String> disabled = server.exchange("PATCH", "/api/admin/users/field", "{\"enabled\":false}", "Content-Type",
                "application/json", "Authorization", RunningServer.basic("admin"));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(get(token).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String token) throws Exception {
        return server.exchange("GET", HITS, null, "Authorization", "Bearer " + token);
    }

    private static long hits(String... headers) throws Exception {
        HttpResponse<String> answer = server.exchange("GET", HITS, null, headers);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("numberMatched").asLong();
    }

    /** A token as the provider would issue it (valid for five minutes, for this server), changed by {@code claims}. */
    private static String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER).audience("terrawatch").subject("s-1")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).type(JOSEObjectType.JWT).build(),
                builder.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }
}
