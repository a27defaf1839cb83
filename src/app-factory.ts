import 'reflect-metadata';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ValidationError } from 'class-validator';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/app-config.js';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter.js';
import { validationFailed, type FieldError } from './platform/errors/domain-error.js';
import { ERROR_CODES } from './platform/errors/error-codes.js';
import { requestContextMiddleware } from './platform/http/request-context.middleware.js';
import { requestGuardMiddleware } from './platform/http/request-guard.middleware.js';
import { PinoNestLogger } from './platform/logging/logger.js';
import { MetricsService } from './platform/metrics/metrics.service.js';

/** class-validator errors flattened to `intervals[3].volume`-style field paths. */
function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    for (const reason of Object.values(e.constraints ?? {})) {
      const value: unknown = e.value;
      out.push({ field: path, reason: reason.replace(/^\S+ /, ''), ...(typeof value === 'object' ? {} : { value }) });
    }
    if (e.children?.length) out.push(...flatten(e.children, path));
  }
  return out;
}

export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

export function buildOpenApi(app: INestApplication): ReturnType<typeof SwaggerModule.createDocument> {
  const config = new DocumentBuilder()
    .setTitle('WFM engine')
    .setDescription(
      'Open workforce forecasting and staffing engine for contact centers. Authenticate with ' +
        '`Authorization: Bearer <API key>`. Every non-2xx answer is `{ statusCode, code, message, details? }` ' +
        `with code one of: ${ERROR_CODES.join(', ')}.`,
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (wfm_...)' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Builds the configured Nest application (not yet listening). Migrations run during init. */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, logger), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Over plain HTTP (opened by a hostname or an IP, no TLS proxy) `upgrade-insecure-requests`
  // would send the page's scripts to https:// and HSTS would pin the host to it: both only when
  // the service is told that clients reach it over HTTPS.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': config.behindTls ? [] : null,
        },
      },
      strictTransportSecurity: config.behindTls,
    }),
  );
  app.use(requestContextMiddleware(logger, app.get(MetricsService)));
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.use(requestGuardMiddleware());
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  SwaggerModule.setup('docs', app, buildOpenApi(app), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}
