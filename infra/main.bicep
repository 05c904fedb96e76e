// Azure resources for one Chorus environment, deployed by `arm/deploy` in teamsapp.yml.
//
//   Linux App Service (Node 20) ── runs the one Chorus process: API, tab, bot, /r/ redirects
//   PostgreSQL Flexible Server  ── DATABASE_URL (sslmode=require)
//   Azure Bot (single tenant)   ── Teams channel → https://<app>/api/messages
//   Key Vault                   ── bot password, Entra client secret, database password and URL;
//                                  app settings reference them, the web app's identity may read them
//   Application Insights        ── on a Log Analytics workspace
//
// Outputs are written back to env/.env.<env> by the toolkit (UPPER_CASE names are kept as they are).

targetScope = 'resourceGroup'

@minLength(3)
@maxLength(8)
@description('Lowercase letters and digits. A hash of the resource group and environment is appended, so names are unique.')
param resourceBaseName string = 'chorus'

@description('Toolkit environment name (dev, prod, ...). Part of the name hash, so two environments can share a resource group.')
param environmentName string

param location string = resourceGroup().location

@description('Linux App Service plan SKU. B1 is enough for a pilot; use P0v3 or larger for a whole organisation.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('Web app instances. Instances share all state through PostgreSQL (docs/scaling.md); B1 allows up to 3.')
param instanceCount int = 1

@description('Client id of the Entra app used for Teams SSO and Microsoft Graph (AAD_APP_CLIENT_ID).')
param aadAppClientId string

@secure()
param aadAppClientSecret string

param aadAppTenantId string = tenant().tenantId

@description('Client id of the single-tenant Entra app the bot signs in with (BOT_ID).')
param botId string

@secure()
param botPassword string

param botTenantId string = tenant().tenantId

@maxLength(42)
param botDisplayName string = 'Chorus'

@allowed(['F0', 'S1'])
@description('F0 is free and only limits premium channels; Teams is a standard channel.')
param botSku string = 'F0'

param postgresAdminLogin string = 'chorusadmin'

@secure()
@minLength(8)
param postgresAdminPassword string

param postgresVersion string = '16'
param postgresSkuName string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

param postgresStorageSizeGB int = 32
param postgresDatabaseName string = 'chorus'

param logRetentionDays int = 30

@description('More app settings (COMMS_ADMIN_GROUP_ID, APPROVER_GROUP_ID, LOG_LEVEL, ...). The settings below are written as a whole on every provision, so keep extra ones here rather than in the portal.')
param extraAppSettings object = {}

var baseName = toLower('${resourceBaseName}${uniqueString(resourceGroup().id, environmentName)}')
var tags = {
  app: 'chorus'
  environment: environmentName
}
// Free and shared plans cannot keep the app warm; every other plan should, for the job queue.
var alwaysOn = !startsWith(webAppSku, 'F') && !startsWith(webAppSku, 'D')

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------------------------------------
// Web app
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${baseName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${baseName}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The package is deployed built (node_modules included, no Oryx build), and run with tsx.
      appCommandLine: 'node --import tsx src/main.ts'
      alwaysOn: alwaysOn
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // App Service takes an instance out of rotation while /readyz fails (database unreachable).
      healthCheckPath: '/readyz'
    }
  }
}

var publicUrl = 'https://${webApp.properties.defaultHostName}'

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-${baseName}'
  location: location
  tags: tags
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's "allow Azure services" rule. The server refuses concurrent changes,
// so this waits for the database.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  dependsOn: [database]
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// ---------------------------------------------------------------------------------------------
// Key Vault and secrets
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${baseName}'
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access policies rather than RBAC, so a deployer with Contributor rights is enough. Note that
    // provisioning rewrites this list: grant people access in extra policies here, not in the portal.
    enableRbacAuthorization: false
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: webApp.identity.principalId
        permissions: {
          secrets: ['get']
        }
      }
    ]
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botPassword
  }
}

resource aadClientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'aad-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

resource postgresPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'postgres-admin-password'
  properties: {
    value: postgresAdminPassword
  }
}

// An app setting can only be a Key Vault reference as a whole, so the URL with the password in it
// is the secret.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgresql://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=require'
  }
}

// ---------------------------------------------------------------------------------------------
// Azure Bot
// ---------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    msaAppId: botId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// ---------------------------------------------------------------------------------------------
// App settings (after the vault, so the identity can resolve the references)
// ---------------------------------------------------------------------------------------------

var appSettingValues = {
  CHORUS_MODE: 'production'
  NODE_ENV: 'production'
  PUBLIC_URL: publicUrl
  // App Service's front end sets X-Forwarded-For: unique clicks and rate limits see the real client.
  TRUST_PROXY: 'true'
  DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})'
  AAD_TENANT_ID: aadAppTenantId
  AAD_CLIENT_ID: aadAppClientId
  AAD_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadClientSecret.properties.secretUri})'
  AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
  BOT_ID: botId
  BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
  BOT_TENANT_ID: botTenantId
  // Chorus exports its own OpenTelemetry traces and metrics to this resource (src/observability);
  // App Service's auto-instrumentation agent stays off, or every request would be reported twice.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(appSettingValues, extraAppSettings)
}

// ---------------------------------------------------------------------------------------------
// Outputs for teamsapp.yml and the manifest
// ---------------------------------------------------------------------------------------------

output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = publicUrl
output BOT_ENDPOINT string = '${publicUrl}/api/messages'
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_WEB_APP_NAME string = webApp.name
output AZURE_KEY_VAULT_NAME string = keyVault.name
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
output POSTGRES_DATABASE_NAME string = database.name
