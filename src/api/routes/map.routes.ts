import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseBBox, type MapClusters } from '../../services/map.service.js';
import { problemResponses } from '../schemas/common.schema.js';

export const mapRoutes: FastifyPluginAsyncTypebox<{ clusters: MapClusters }> = async (app, { clusters }) => {
  app.get(
    '/api/map/clusters',
    {
      schema: {
        tags: ['map'],
        summary: 'Boreholes clustered for a map view (GeoJSON)',
        description:
          'Clusters have properties {cluster: true, cluster_id, point_count}; single boreholes {id, name, core_class}. ' +
          'Classified positions are coarsened.',
        querystring: Type.Object({
          bbox: Type.String({
            maxLength: 200,
            description: 'minLon,minLat,maxLon,maxLat',
            examples: ['73,18,135,54'],
          }),
          zoom: Type.Number({ minimum: 0, maximum: 24 }),
        }),
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(
              Type.Object({
                type: Type.Literal('Feature'),
                id: Type.Optional(Type.Union([Type.Number(), Type.String()])),
                geometry: Type.Object({
                  type: Type.Literal('Point'),
                  coordinates: Type.Array(Type.Number()),
                }),
                properties: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    (request) => clusters.clusters(parseBBox(request.query.bbox), request.query.zoom),
  );
};
