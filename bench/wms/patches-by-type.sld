<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <!-- The WMS benchmark's style (issue 17): opaque fill by change type, 0.5 px dark outline, no labels. -->
  <NamedLayer>
    <Name>terrawatch:patches</Name>
    <UserStyle>
      <Name>patches-by-type</Name>
      <Title>变化图斑（按变化类型） / patches by change type</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>NEW_BUILDING</Name>
          <Title>新建建筑</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>change_type</ogc:PropertyName><ogc:Literal>NEW_BUILDING</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#E4572E</CssParameter></Fill><Stroke><CssParameter name="stroke">#333333</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>POND_DIGGING</Name>
          <Title>挖塘</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>change_type</ogc:PropertyName><ogc:Literal>POND_DIGGING</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#F3A712</CssParameter></Fill><Stroke><CssParameter name="stroke">#333333</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>OPEN_PIT_EXCAVATION</Name>
          <Title>露天开采</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>change_type</ogc:PropertyName><ogc:Literal>OPEN_PIT_EXCAVATION</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#8E5572</CssParameter></Fill><Stroke><CssParameter name="stroke">#333333</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>REVEGETATION</Name>
          <Title>复绿</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>change_type</ogc:PropertyName><ogc:Literal>REVEGETATION</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#29BF12</CssParameter></Fill><Stroke><CssParameter name="stroke">#333333</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>BURNED_AREA</Name>
          <Title>过火区</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>change_type</ogc:PropertyName><ogc:Literal>BURNED_AREA</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#D7263D</CssParameter></Fill><Stroke><CssParameter name="stroke">#333333</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
