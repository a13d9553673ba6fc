package org.terrawatch.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which body types each endpoint reads; anything else is a 415 before the body is read. */
class RequestMediaTypesTest {

    @Test
    void owsEndpointsReadXmlAlsoWhenLabelledAsAFormOrText() {
        for (String path : new String[] {"/wfs", "/ows", "/wps"}) {
            for (String type : new String[] {"application/xml", "text/xml", "application/gml+xml", "application/x-www-form-urlencoded",
                    "text/plain", ""}) {
                assertThat(RequestMediaTypes.expected(path, type)).as(path + " " + type).isNull();
            }
            assertThat(RequestMediaTypes.expected(path, "application/json")).contains("XML");
            assertThat(RequestMediaTypes.expected(path, "multipart/form-data")).contains("XML");
        }
    }

    @Test
    void ogcApiReadsJsonAndTheRestApiAlsoUploads() {
        for (String type : new String[] {"application/json", "application/geo+json", "application/merge-patch+json", ""}) {
            assertThat(RequestMediaTypes.expected("/ogc/collections/patches/items", type)).as(type).isNull();
            assertThat(RequestMediaTypes.expected("/api/patches/1", type)).as(type).isNull();
        }
        assertThat(RequestMediaTypes.expected("/ogc/processes/echo/execution", "application/xml")).contains("JSON");
        assertThat(RequestMediaTypes.expected("/ogc/processes/echo/execution", "application/x-www-form-urlencoded")).contains("JSON");
        assertThat(RequestMediaTypes.expected("/ogc/collections/patches/items", "multipart/form-data")).contains("JSON");
        assertThat(RequestMediaTypes.expected("/api/alerts", "multipart/form-data")).isNull();
        assertThat(RequestMediaTypes.expected("/api/patches/1", "text/csv")).contains("JSON");
        assertThat(RequestMediaTypes.expected("/api/cameras/import", "text/csv")).as("a camera list").isNull();
    }

    @Test
    void otherPathsAreNotJudgedHere() {
        assertThat(RequestMediaTypes.expected("/session", "application/x-www-form-urlencoded")).isNull();
        assertThat(RequestMediaTypes.expected("/wms", "application/octet-stream")).isNull();
    }
}
