<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>terrawatch:admin_units</Name>
    <UserStyle>
      <Name>admin_units</Name>
      <Title>行政区划 / administrative units</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>COUNTY</Name>
          <Title>县（区）界</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>level</ogc:PropertyName><ogc:Literal>COUNTY</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Stroke><CssParameter name="stroke">#6A4C93</CssParameter><CssParameter name="stroke-width">2.2</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>TOWNSHIP</Name>
          <Title>乡镇（街道）界</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>level</ogc:PropertyName><ogc:Literal>TOWNSHIP</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Stroke><CssParameter name="stroke">#8D6CAB</CssParameter><CssParameter name="stroke-width">1.2</CssParameter><CssParameter name="stroke-dasharray">6 3</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>VILLAGE</Name>
          <Title>村界</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>level</ogc:PropertyName><ogc:Literal>VILLAGE</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer><Stroke><CssParameter name="stroke">#B9A6CF</CssParameter><CssParameter name="stroke-width">0.6</CssParameter><CssParameter name="stroke-dasharray">2 2</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>county-labels</Name>
          <Title>县（区）名称</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>level</ogc:PropertyName><ogc:Literal>COUNTY</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <MinScaleDenominator>150000</MinScaleDenominator>
          <TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">Noto Sans CJK SC, sans-serif</CssParameter><CssParameter name="font-size">14</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint><Displacement><DisplacementX>0</DisplacementX><DisplacementY>0</DisplacementY></Displacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#4A3370</CssParameter></Fill></TextSymbolizer>
        </Rule>
        <Rule>
          <Name>township-labels</Name>
          <Title>乡镇名称</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>level</ogc:PropertyName><ogc:Literal>TOWNSHIP</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <MaxScaleDenominator>150000</MaxScaleDenominator>
          <TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">Noto Sans CJK SC, sans-serif</CssParameter><CssParameter name="font-size">12</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint><Displacement><DisplacementX>0</DisplacementX><DisplacementY>0</DisplacementY></Displacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#4A3370</CssParameter></Fill></TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
