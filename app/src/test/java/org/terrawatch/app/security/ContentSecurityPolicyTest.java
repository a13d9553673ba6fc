package org.terrawatch.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.terrawatch.app.config.TerraWatchProperties;

/** The page's policy lets images come from this server, and from the bureau's base map when one is configured. */
class ContentSecurityPolicyTest {

    @Test
    void withoutABaseMapImagesComeOnlyFromThisServer() {
        String policy = SecurityConfiguration.contentSecurityPolicy(new TerraWatchProperties.Web("", ""));
        assertThat(policy).contains("img-src 'self' data: blob:;").doesNotContain("http");
    }

    @Test
    void aTiandituBaseMapOpensItsSubDomainsForImagesOnly() {
        TerraWatchProperties.Web web = new TerraWatchProperties.Web(
                "https://t{0-7}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY",
                "天地图");
        assertThat(web.baseMapOrigin()).isEqualTo("https://*.tianditu.gov.cn");
        String policy = SecurityConfiguration.contentSecurityPolicy(web);
        assertThat(policy).contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;").startsWith("default-src 'self';");
        assertThat(new TerraWatchProperties.Web("http://tiles.bureau.local:8090/{z}/{x}/{y}.png", "").baseMapOrigin())
                .isEqualTo("http://tiles.bureau.local:8090");
    }
}
