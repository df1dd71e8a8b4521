// The county map's parts: scatter points on a plain longitude/latitude grid, no tiles, no
// internet. Loaded lazily by county-map.tsx; ECharts' registry is shared with the kit's charts.
import { EffectScatterChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, EffectScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
