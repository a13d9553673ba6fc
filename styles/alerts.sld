<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>terrawatch:alerts</Name>
    <UserStyle>
      <Name>alerts</Name>
      <Title>视频预警（按类型） / alerts by type</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>FIRE_SMOKE</Name>
          <Title>烟火</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>FIRE_SMOKE</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/fire_smoke.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
        <Rule>
          <Name>EXCAVATOR</Name>
          <Title>挖掘机</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>EXCAVATOR</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/excavator.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
        <Rule>
          <Name>FARMLAND_DAMAGE</Name>
          <Title>耕地破坏</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>FARMLAND_DAMAGE</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/farmland_damage.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
        <Rule>
          <Name>GRAZING</Name>
          <Title>放牧</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>GRAZING</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/grazing.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
        <Rule>
          <Name>STRAW_BURNING</Name>
          <Title>焚烧秸秆</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>STRAW_BURNING</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/straw_burning.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
        <Rule>
          <Name>DUST</Name>
          <Title>扬尘</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>DUST</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/dust.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
        <Rule>
          <Name>DUMPING</Name>
          <Title>倾倒垃圾</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>DUMPING</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/dumping.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
        <Rule>
          <Name>LANDSLIDE</Name>
          <Title>地质灾害</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>alert_type</ogc:PropertyName><ogc:Literal>LANDSLIDE</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/landslide.png"/><Format>image/png</Format></ExternalGraphic><Size>22</Size></Graphic></PointSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
