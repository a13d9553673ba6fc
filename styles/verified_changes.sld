<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>terrawatch:verified_changes</Name>
    <UserStyle>
      <Name>verified_changes</Name>
      <Title>核实变化（工作底图）</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>违法</Name>
          <Title>违法</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>holder</ogc:PropertyName><ogc:Literal>违法</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#E63946</CssParameter><CssParameter name="fill-opacity">0.35</CssParameter></Fill><Stroke><CssParameter name="stroke">#9D0208</CssParameter><CssParameter name="stroke-width">1.5</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>合法</Name>
          <Title>合法</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>holder</ogc:PropertyName><ogc:Literal>合法</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#52B788</CssParameter><CssParameter name="fill-opacity">0.35</CssParameter></Fill><Stroke><CssParameter name="stroke">#1B4332</CssParameter><CssParameter name="stroke-width">1.2</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>其他</Name>
          <Title>其他真实变化</Title>
          <ElseFilter/>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#ADB5BD</CssParameter><CssParameter name="fill-opacity">0.35</CssParameter></Fill><Stroke><CssParameter name="stroke">#495057</CssParameter><CssParameter name="stroke-width">1.2</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
