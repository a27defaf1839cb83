import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../platform/errors/domain-error.js';
import { projectRoot } from '../../platform/project-root.js';
import { Public } from '../../platform/auth/roles.js';

/** The files the page may load, by name: the page's own (web/) and Chart.js from node_modules. */
function assetFiles(): ReadonlyMap<string, string> {
  const web = join(projectRoot(), 'web');
  const chartJs = dirname(createRequire(join(projectRoot(), 'package.json')).resolve('chart.js'));
  return new Map([
    ['dashboard.js', join(web, 'dashboard.js')],
    ['kpis.js', join(web, 'kpis.js')],
    ['dashboard.css', join(web, 'dashboard.css')],
    ['chart.umd.js', join(chartJs, 'chart.umd.min.js')],
  ]);
}

/**
 * The dashboard (GET /): a static page with its own ES modules and Chart.js, no CDN. Public (the
 * page asks for an API key and sends it with each API call); not part of the API, so not in OpenAPI.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebController {
  private readonly files = assetFiles();
  private readonly page = join(projectRoot(), 'web', 'index.html');

  @Get()
  @Header('Cache-Control', 'no-cache')
  index(@Res() response: Response): void {
    response.sendFile(this.page);
  }

  @Get('assets/:name')
  @Header('Cache-Control', 'no-cache')
  asset(@Param('name') name: string, @Res() response: Response): void {
    const file = this.files.get(name);
    if (!file) throw new DomainError('ROUTE_NOT_FOUND', `no asset ${name}`);
    response.sendFile(file);
  }
}
