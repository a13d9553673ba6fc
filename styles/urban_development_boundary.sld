<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>terrawatch:urban_development_boundary</Name>
    <UserStyle>
      <Name>urban_development_boundary</Name>
      <Title>城镇开发边界</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>城镇开发边界</Name>
          <Title>城镇开发边界</Title>
          <PolygonSymbolizer><Stroke><CssParameter name="stroke">#9D4EDD</CssParameter><CssParameter name="stroke-width">1.2</CssParameter><CssParameter name="stroke-dasharray">8 4</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
